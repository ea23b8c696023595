// SPDX-License-Identifier: GPL-2.0
/*
 * lib/avltree.c - AVL tree rebalancing for <linux/avltree.h>.
 *
 * Every node stores the height of its subtree.  After a node is linked
 * in as a leaf, or unlinked, the heights of its ancestors change; walking
 * up from there, any node whose children's heights differ by two is put
 * right by one rotation (or two, for the zig-zag case):
 *
 *	    y                x
 *	   / \              / \
 *	  x   C    ==>     A   y
 *	 / \                  / \
 *	A   B                B   C		(rotate right at y)
 *
 * A rotation changes the subtrees of exactly two nodes, so those two get
 * their height and augmented value recomputed, lower one first.
 *
 * The walk up stops as soon as a subtree is as tall as it was before the
 * change: nothing above it can be out of balance then.  That makes an
 * insertion or removal O(1) rebalancing steps on average instead of a
 * walk to the root every time (vmalloc's busy tree of 15000 areas: one
 * or two steps instead of fourteen).  A tree with augmented values walks
 * to the root all the same, since a value may change where heights do
 * not.
 */
#include <linux/avltree.h>

static inline int height(const struct avl_node *n)
{
	return n ? n->height : 0;
}

static void update(struct avl_root *root, struct avl_node *n)
{
	int l = height(n->left), r = height(n->right);

	n->height = (l > r ? l : r) + 1;
	if (root->propagate)
		root->propagate(n);
}

/* Make @new take @old's place under @old's parent. */
static void replace_child(struct avl_root *root, struct avl_node *old,
			  struct avl_node *new, struct avl_node *parent)
{
	if (!parent)
		root->node = new;
	else if (parent->left == old)
		parent->left = new;
	else
		parent->right = new;
	if (new)
		new->parent = parent;
}

static struct avl_node *rotate_right(struct avl_root *root, struct avl_node *y)
{
	struct avl_node *x = y->left, *b = x->right;

	replace_child(root, y, x, y->parent);
	x->right = y;
	y->parent = x;
	y->left = b;
	if (b)
		b->parent = y;
	update(root, y);
	update(root, x);
	return x;
}

static struct avl_node *rotate_left(struct avl_root *root, struct avl_node *x)
{
	struct avl_node *y = x->right, *b = y->left;

	replace_child(root, x, y, x->parent);
	y->left = x;
	x->parent = y;
	x->right = b;
	if (b)
		b->parent = x;
	update(root, x);
	update(root, y);
	return y;
}

/* Restore balance at @n; returns the node now at @n's place. */
static struct avl_node *rebalance(struct avl_root *root, struct avl_node *n)
{
	int balance = height(n->left) - height(n->right);

	if (balance > 1) {
		if (height(n->left->left) < height(n->left->right))
			rotate_left(root, n->left);
		return rotate_right(root, n);
	}
	if (balance < -1) {
		if (height(n->right->right) < height(n->right->left))
			rotate_right(root, n->right);
		return rotate_left(root, n);
	}
	update(root, n);
	return n;
}

/* Walk from @n to the root, rebalancing and updating every node. */
static void fixup_up(struct avl_root *root, struct avl_node *n)
{
	while (n) {
		int old_height = n->height;

		n = rebalance(root, n);
		/* as tall as before: the ancestors are as they were */
		if (n->height == old_height && !root->propagate)
			return;
		n = n->parent;
	}
}

void avl_insert_fixup(struct avl_root *root, struct avl_node *node)
{
	update(root, node);
	fixup_up(root, node->parent);
}

void avl_erase(struct avl_root *root, struct avl_node *node)
{
	struct avl_node *parent = node->parent, *child, *start;

	if (node->left && node->right) {
		/* swap in the successor (leftmost of the right subtree) */
		struct avl_node *succ = node->right;

		while (succ->left)
			succ = succ->left;
		start = succ->parent == node ? succ : succ->parent;
		if (succ->parent != node) {
			/* unlink succ from where it was */
			succ->parent->left = succ->right;
			if (succ->right)
				succ->right->parent = succ->parent;
			succ->right = node->right;
			node->right->parent = succ;
		}
		succ->left = node->left;
		node->left->parent = succ;
		replace_child(root, node, succ, parent);
		succ->height = node->height;
		fixup_up(root, start);
		return;
	}
	child = node->left ? node->left : node->right;
	replace_child(root, node, child, parent);
	fixup_up(root, parent);
}

void avl_propagate_up(struct avl_root *root, struct avl_node *node)
{
	for (; node; node = node->parent)
		update(root, node);
}

struct avl_node *avl_first(const struct avl_root *root)
{
	struct avl_node *n = root->node;

	while (n && n->left)
		n = n->left;
	return n;
}

struct avl_node *avl_last(const struct avl_root *root)
{
	struct avl_node *n = root->node;

	while (n && n->right)
		n = n->right;
	return n;
}

struct avl_node *avl_next(const struct avl_node *node)
{
	const struct avl_node *n = node;

	if (n->right) {
		n = n->right;
		while (n->left)
			n = n->left;
		return (struct avl_node *)n;
	}
	while (n->parent && n->parent->right == n)
		n = n->parent;
	return n->parent;
}

struct avl_node *avl_prev(const struct avl_node *node)
{
	const struct avl_node *n = node;

	if (n->left) {
		n = n->left;
		while (n->right)
			n = n->right;
		return (struct avl_node *)n;
	}
	while (n->parent && n->parent->left == n)
		n = n->parent;
	return n->parent;
}
