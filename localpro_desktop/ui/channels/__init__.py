"""The Channels settings: one form per sending channel (e-mail, SMS, WhatsApp)."""
