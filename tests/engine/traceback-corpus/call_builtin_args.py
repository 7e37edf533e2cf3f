words = ["a", "b"]
n = len(words, 2)
