"""The monthly report as an A4 PDF in the reader's language: its model, fonts and drawing."""
