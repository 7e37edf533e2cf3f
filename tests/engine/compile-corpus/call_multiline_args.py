f(
    a,
    b(c),
)
