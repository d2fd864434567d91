"""Extraction pipeline: spaCy components, domain gazetteers, patterns and fuzzy normalisation.

Kept free of heavy imports so that `import minutes.nlp.<module>` stays cheap.
"""
