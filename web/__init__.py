"""The caregiver web pages: a signed link traded for a cookie, the month calendar and its edits."""
