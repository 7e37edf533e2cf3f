# seed 000_cfde1c38ef63e256.txt, example 2, under "Reference Counting" (code unchanged; it prints nothing)
import sys
str = "Welcome to Python"

arr = []
arr.append(str) # appending to an array

dict = {}
dict['str'] = str # adding to a dictionary

arr = [] # resetting the array
dict['my_str'] = "Some other string"
