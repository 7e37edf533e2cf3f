import builtins
print(list(getattr(builtins, "en" + "umerate")("ab")))
