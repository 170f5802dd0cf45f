"""The Assistant tab: conversations with the AI assistant, streamed answers, its settings."""
