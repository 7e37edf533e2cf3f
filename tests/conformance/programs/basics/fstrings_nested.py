x, y = 3, "ab"
print(f"{x} {y!r} {x=} {f'{y}'} {{lit}}", f"""{x
}""")
