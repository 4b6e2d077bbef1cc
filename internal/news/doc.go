// Package news is khabar's domain: the Article and its parts, the Store
// contract every storage backend implements, and the sentinel errors shared
// across packages. It does no I/O.
package news
