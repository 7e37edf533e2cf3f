try:
    {}["x"]
except KeyError:
    raise TypeError("replaced") from None
