package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

// refused lists the address ranges the guard refuses, with the name used in
// errors. Order matters only for the name reported.
var refused = []struct {
	prefix netip.Prefix
	class  string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "unspecified"},
	{netip.MustParsePrefix("10.0.0.0/8"), "private"},
	{netip.MustParsePrefix("100.64.0.0/10"), "CGNAT"},
	{netip.MustParsePrefix("127.0.0.0/8"), "loopback"},
	{netip.MustParsePrefix("169.254.0.0/16"), "link-local"},
	{netip.MustParsePrefix("172.16.0.0/12"), "private"},
	{netip.MustParsePrefix("192.0.0.0/24"), "IETF protocol assignment"},
	{netip.MustParsePrefix("192.168.0.0/16"), "private"},
	{netip.MustParsePrefix("198.18.0.0/15"), "benchmarking"},
	{netip.MustParsePrefix("224.0.0.0/4"), "multicast"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved"},
	{netip.MustParsePrefix("::/128"), "unspecified"},
	{netip.MustParsePrefix("::1/128"), "loopback"},
	{netip.MustParsePrefix("64:ff9b:1::/48"), "NAT64 local-use"},
	{netip.MustParsePrefix("fc00::/7"), "unique-local"},
	{netip.MustParsePrefix("fe80::/10"), "link-local"},
	{netip.MustParsePrefix("fec0::/10"), "site-local"},
	{netip.MustParsePrefix("ff00::/8"), "multicast"},
}

// addressClass returns why addr is refused, or "" when it is a public
// address. IPv4-mapped IPv6 addresses are judged as IPv4.
func addressClass(addr netip.Addr) string {
	addr = addr.Unmap()
	for _, r := range refused {
		if r.prefix.Contains(addr) {
			return r.class
		}
	}
	return ""
}

// guard decides which addresses may be dialled.
type guard struct {
	allowPrivate bool
	allow        []netip.Prefix
	resolver     Resolver
}

// check returns a *forbiddenError when addr may not be dialled.
func (g *guard) check(host string, addr netip.Addr) error {
	if g.allowPrivate {
		return nil
	}
	class := addressClass(addr)
	if class == "" {
		return nil
	}
	for _, p := range g.allow {
		if p.Contains(addr.Unmap()) {
			return nil
		}
	}
	return &forbiddenError{host: host, addr: addr.Unmap().String(), class: class}
}

// resolve returns the addresses for host, checked: an IP literal as is,
// a name through the resolver. If any address of a name is refused the
// whole name is, so a host cannot mix a public and a private address.
func (g *guard) resolve(ctx context.Context, host string) ([]netip.Addr, error) {
	if a, err := netip.ParseAddr(host); err == nil {
		if err := g.check(host, a); err != nil {
			return nil, err
		}
		return []netip.Addr{a}, nil
	}
	r := g.resolver
	if r == nil {
		r = net.DefaultResolver
	}
	addrs, err := r.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return nil, fmt.Errorf("resolve %s: %w", host, err)
	}
	if len(addrs) == 0 {
		return nil, fmt.Errorf("resolve %s: no addresses", host)
	}
	for _, a := range addrs {
		if err := g.check(host, a); err != nil {
			return nil, err
		}
	}
	return addrs, nil
}

// dialContext resolves and checks the host itself, then dials the checked
// addresses by IP so that no second lookup can return something else (DNS
// rebinding). The dialer's Control hook checks the connected address once
// more.
func (g *guard) dialContext(d *net.Dialer) func(ctx context.Context, network, address string) (net.Conn, error) {
	dialer := *d
	dialer.Control = func(network, address string, _ syscall.RawConn) error {
		ap, err := netip.ParseAddrPort(address)
		if err != nil {
			return fmt.Errorf("dial %s: %w", address, err)
		}
		return g.check(ap.Addr().String(), ap.Addr())
	}
	return func(ctx context.Context, network, address string) (net.Conn, error) {
		host, port, err := net.SplitHostPort(address)
		if err != nil {
			return nil, err
		}
		addrs, err := g.resolve(ctx, host)
		if err != nil {
			return nil, err
		}
		var errs []error
		for _, a := range addrs {
			conn, err := dialer.DialContext(ctx, network, net.JoinHostPort(a.Unmap().String(), port))
			if err == nil {
				return conn, nil
			}
			errs = append(errs, err)
			if ctx.Err() != nil {
				break
			}
		}
		return nil, errors.Join(errs...)
	}
}
