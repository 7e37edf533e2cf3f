def f():
    try:
        return g()
    except Exception as e:
        return None
