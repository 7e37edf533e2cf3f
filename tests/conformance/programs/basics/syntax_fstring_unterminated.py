print(f"abc
