def get():
    return None

value = get()["key"]
