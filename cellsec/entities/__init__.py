"""The core's frozen records and enums, one module per area: members, profile, meetings,
superiors, liaison, and the Changes a service returns. They import nothing of the core but
text and dates: every other layer builds on them."""
