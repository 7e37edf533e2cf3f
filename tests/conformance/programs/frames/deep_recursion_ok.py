def sum_to(n):
    return 0 if n == 0 else n + sum_to(n - 1)
print(sum_to(990))
def count_nodes(tree):
    if tree is None:
        return 0
    return 1 + count_nodes(tree[0]) + count_nodes(tree[1])
t = None
for _ in range(100):
    t = (t, None)
print(count_nodes(t))
