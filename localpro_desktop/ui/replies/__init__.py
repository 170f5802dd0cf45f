"""The Replies tab: messages people sent back, and answering them."""
