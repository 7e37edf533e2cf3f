e = ValueError("v")
e.__notes__ = "just a string"
raise e
