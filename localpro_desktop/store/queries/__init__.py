"""Read-side SQL builders: they return SQLAlchemy statements and clauses, never commit.

Services own sessions and transactions; a query module only says *what* to select so the
contact list, segments and campaigns share one definition of each filter.
"""
