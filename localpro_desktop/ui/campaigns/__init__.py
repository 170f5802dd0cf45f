"""The Campaigns tab: campaign results, the recipients' delivery states and the composer."""
