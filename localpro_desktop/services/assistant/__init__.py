"""The AI assistant's use cases: settings, context per mode, conversations, usage."""
