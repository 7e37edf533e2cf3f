def load(d):
    try:
        return d["key"]
    except KeyError:
        raise ValueError("missing key")

load({})
