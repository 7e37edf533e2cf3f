# seed 000_cfde1c38ef63e256.txt, example 3, under "Reference Counting" ("This is called a Reference cycle"; code unchanged)
import sys
x = []
x.append(x) # x contains reference to itself
print("Reference count of object is",sys.getrefcount(x))
