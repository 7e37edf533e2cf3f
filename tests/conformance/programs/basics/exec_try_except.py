exec("try:\n    1/0\nexcept Exception as e:\n    print(type(e).__name__)")
