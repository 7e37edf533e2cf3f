# seed 001_f9105fa72ca75776.txt, example 1, under "1. Static Memory Allocation in Python" (code unchanged; it prints nothing)
# Static memory allocation example

x = 42  # Integer variable
name = "Python"  # String variable

def greet():
    print(f"Welcome to {name}")
