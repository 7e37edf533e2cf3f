try:
    f()
except (TypeError, ValueError) as e:
    g(e)
except KeyError:
    h()
except Exception:
    pass
