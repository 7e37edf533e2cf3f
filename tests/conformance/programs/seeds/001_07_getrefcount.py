# seed 001_f9105fa72ca75776.txt, example 7, under "Code Example: Reference Counting in Action" (code unchanged)
import sys

a = [1, 2, 3]  # List object created
print(sys.getrefcount(a))  # Get reference count for the list object

b = a  # Another reference to the same object
print(sys.getrefcount(a))  # Reference count should increase

del a  # Remove one reference to the object
print(sys.getrefcount(b))  # Reference count decreases after deletion
