def run(code):
    exec(code)

run("def f(:\n    pass")
