y = "ab" * "c"
