# seed 001_f9105fa72ca75776.txt, example 5, under "Code Example: Threading with the GIL in Python" (code unchanged; thread interleaving is up to the scheduler, so the output order is not deterministic)
# Using threading in Python under the GIL

import threading

def print_numbers():
    for i in range(5):
        print(f"Thread: {threading.current_thread().name} -> {i}")

# Creating two threads
thread1 = threading.Thread(target=print_numbers, name='T1')
thread2 = threading.Thread(target=print_numbers, name='T2')

thread1.start()
thread2.start()

thread1.join()
thread2.join()
