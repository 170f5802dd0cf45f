"""The ``localpro`` command line: headless access to every service, for scripts and support."""
