# quit("message") in a function: the message goes to stderr, the exit status is 1
def main():
    print("working")
    quit("stopping: bad input")


main()
print("not reached")
