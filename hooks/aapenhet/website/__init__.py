"""The site itself: its addresses, head links, security policy and the files written beside the pages."""
