"""The domain core of workbench. Nothing in here may import Textual (tests enforce it)."""
