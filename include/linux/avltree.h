/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An intrusive, augmentable AVL tree (lib/avltree.c).
 *
 * Like Linux's rbtree, the node is embedded in the caller's structure
 * and the caller owns the ordering: it descends the tree itself to find
 * where a new node goes (avl_link_node) or what it looks for.  The tree
 * then rebalances.  AVL keeps the two subtrees of every node within one
 * level of each other, so a tree of n nodes is at most 1.44 log2(n) deep:
 * 15000 vmalloc areas are found in at most 20 steps.
 *
 * Augmentation: a tree may keep, in each node, a value computed from the
 * node and its two subtrees (vmalloc keeps the largest free block below
 * each node).  The tree calls the @propagate callback on every node whose
 * subtree changed, bottom up, after each insertion, removal and rotation.
 */
#ifndef _LINUX_AVLTREE_H
#define _LINUX_AVLTREE_H

#include <linux/types.h>
#include <linux/kernel.h>

struct avl_node {
	struct avl_node *parent, *left, *right;
	int height;			/* of the subtree rooted here; leaf = 1 */
};

struct avl_root {
	struct avl_node *node;
	/* recompute a node's augmented value from it and its children */
	void (*propagate)(struct avl_node *node);
};

#define AVL_ROOT_INIT(fn)	{ NULL, fn }
#define avl_entry(ptr, type, member) container_of(ptr, type, member)

static inline void avl_link_node(struct avl_node *node, struct avl_node *parent,
				 struct avl_node **link)
{
	node->parent = parent;
	node->left = node->right = NULL;
	node->height = 1;
	*link = node;
}

/* After avl_link_node(): rebalance and update augmented values. */
void avl_insert_fixup(struct avl_root *root, struct avl_node *node);
void avl_erase(struct avl_root *root, struct avl_node *node);

struct avl_node *avl_first(const struct avl_root *root);
struct avl_node *avl_last(const struct avl_root *root);
struct avl_node *avl_next(const struct avl_node *node);
struct avl_node *avl_prev(const struct avl_node *node);

/* Call root->propagate on @node and every ancestor (a value changed). */
void avl_propagate_up(struct avl_root *root, struct avl_node *node);

/* Depth of the tree (0 when empty), for tests. */
static inline int avl_height(const struct avl_root *root)
{
	return root->node ? root->node->height : 0;
}

#endif /* _LINUX_AVLTREE_H */
