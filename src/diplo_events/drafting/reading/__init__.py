"""The shared reading of a text: paragraphs, sentences, quotes, dates and actor mentions."""
