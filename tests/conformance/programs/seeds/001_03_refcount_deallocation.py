# seed 001_f9105fa72ca75776.txt, example 3, under "Automatic Memory Deallocation with Reference Counting" (code unchanged; it prints nothing)
# Python automatically deallocates memory using reference counting

a = [1, 2, 3]  # List object is created
b = a          # Another reference to the same object
del a          # 'a' is deleted, but 'b' still points to the list
del b          # Now no references are left

# At this point, Python will automatically deallocate the list object
