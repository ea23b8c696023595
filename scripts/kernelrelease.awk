# SPDX-License-Identifier: GPL-2.0
#
# scripts/kernelrelease.awk - the Linux release include/linux/version.h
# claims, as "6.1.0": from LINUX_VERSION_MAJOR/PATCHLEVEL/SUBLEVEL when it
# defines them (as Linux's own version.h does), else from
# LINUX_VERSION_CODE, a number or KERNEL_VERSION(a, b, c); "0.0.0" when
# there is neither.  scripts/Makefile.modules makes KERNELRELEASE and the
# modules' vermagic from it.
#
#	awk -f scripts/kernelrelease.awk include/linux/version.h

/define[ \t]+LINUX_VERSION_MAJOR[ \t]/ { major = $3 }
/define[ \t]+LINUX_VERSION_PATCHLEVEL[ \t]/ { patch = $3 }
/define[ \t]+LINUX_VERSION_SUBLEVEL[ \t]/ { sub_ = $3 }
/define[ \t]+LINUX_VERSION_CODE[ \t]+[0-9]+/ { code = $3 }
/define[ \t]+LINUX_VERSION_CODE[ \t]+KERNEL_VERSION/ {
	v = $0
	sub(/.*KERNEL_VERSION[ \t]*\(/, "", v)
	gsub(/[^0-9,]/, "", v)
	split(v, n, ",")
	code = n[1] * 65536 + n[2] * 256 + n[3]
}
END {
	if (major != "")
		printf "%d.%d.%d\n", major, patch, sub_
	else if (code != "")
		printf "%d.%d.%d\n", int(code / 65536), int(code / 256) % 256, code % 256
	else
		print "0.0.0"
}
