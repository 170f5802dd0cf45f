"""The cloud account screen and the background sync that keeps this computer in step."""
