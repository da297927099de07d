namespace Engagement;

/// <summary>
/// An ordered set that also answers "how many come before this one?" and "which one is n-th?" in O(log n):
/// a treap whose nodes know the size of their subtree. Leaderboards need both on every query without sorting.
/// </summary>
public sealed class RankedSet<T>(IComparer<T> order)
{
    private Node? _root;

    public int Count => Size(_root);

    public void Add(T item) => _root = Insert(_root, new Node(item, Random.Shared.Next()));

    public void Remove(T item) => _root = Delete(_root, item);

    /// <summary>How many items order before <paramref name="item"/> (its 0-based rank when present).</summary>
    public int CountBefore(T item)
    {
        var count = 0;
        for (var node = _root; node is not null;)
        {
            var c = order.Compare(item, node.Item);
            if (c <= 0)
            {
                node = node.Left;
            }
            else
            {
                count += Size(node.Left) + 1;
                node = node.Right;
            }
        }

        return count;
    }

    /// <summary>The item at 0-based <paramref name="index"/>.</summary>
    public T ElementAt(int index)
    {
        for (var node = _root; node is not null;)
        {
            var left = Size(node.Left);
            if (index < left)
            {
                node = node.Left;
            }
            else if (index == left)
            {
                return node.Item;
            }
            else
            {
                index -= left + 1;
                node = node.Right;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(index));
    }

    /// <summary>Items from <paramref name="index"/> on, at most <paramref name="count"/>, in order.</summary>
    public IEnumerable<T> Range(int index, int count)
    {
        for (var i = Math.Max(0, index); i < Math.Min(Count, index + count); i++)
        {
            yield return ElementAt(i);
        }
    }

    private static int Size(Node? node) => node?.Size ?? 0;

    private Node Insert(Node? node, Node added)
    {
        if (node is null)
        {
            return added;
        }

        if (order.Compare(added.Item, node.Item) < 0)
        {
            node.Left = Insert(node.Left, added);
            if (node.Left.Priority > node.Priority)
            {
                node = RotateRight(node);
            }
        }
        else
        {
            node.Right = Insert(node.Right, added);
            if (node.Right.Priority > node.Priority)
            {
                node = RotateLeft(node);
            }
        }

        return node.Update();
    }

    private Node? Delete(Node? node, T item)
    {
        if (node is null)
        {
            return null;
        }

        var c = order.Compare(item, node.Item);
        if (c < 0)
        {
            node.Left = Delete(node.Left, item);
        }
        else if (c > 0)
        {
            node.Right = Delete(node.Right, item);
        }
        else if (node.Left is null || node.Right is null)
        {
            return node.Left ?? node.Right;
        }
        else if (node.Left.Priority > node.Right.Priority)
        {
            node = RotateRight(node);
            node.Right = Delete(node.Right, item);
        }
        else
        {
            node = RotateLeft(node);
            node.Left = Delete(node.Left, item);
        }

        return node.Update();
    }

    private static Node RotateRight(Node node)
    {
        var left = node.Left!;
        node.Left = left.Right;
        left.Right = node.Update();
        return left.Update();
    }

    private static Node RotateLeft(Node node)
    {
        var right = node.Right!;
        node.Right = right.Left;
        right.Left = node.Update();
        return right.Update();
    }

    private sealed class Node(T item, int priority)
    {
        public T Item { get; } = item;

        public int Priority { get; } = priority;

        public Node? Left { get; set; }

        public Node? Right { get; set; }

        public int Size { get; private set; } = 1;

        public Node Update()
        {
            Size = 1 + (Left?.Size ?? 0) + (Right?.Size ?? 0);
            return this;
        }
    }
}
