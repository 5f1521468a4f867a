"""`python -m bot import-legacy`: the original Node.js bot's Supabase tables brought into ours.

source (read the legacy tables) → people, families, rows, money, names (decide what each row
becomes, or why it cannot) → apply (write through our SQL, recording legacy ids in
tt.legacy_imports) → figures (each family's numbers by the original's formulas and by ours).
"""
