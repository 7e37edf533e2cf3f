try:
    f()
except E as e:
    raise T from e
