; SPDX-License-Identifier: GPL-2.0
;
; boot/head.asm - the first code that runs: from GRUB to 64-bit C.
;
; GRUB (multiboot2) jumps to _start in 32-bit protected mode with paging
; off, EAX = the multiboot2 magic and EBX = the physical address of the boot
; information.  This file:
;
;   1. checks that it was loaded by a multiboot2 loader and that the CPU has
;      CPUID and long mode; if not, it prints why on COM1 and VGA and halts
;      (instead of triple-faulting, which just reboots silently);
;   2. builds the early page tables:
;        - the first 1 GiB identity mapped (2 MiB pages), so this code keeps
;          running after paging is switched on;
;        - the same 1 GiB at PAGE_OFFSET (0xffff888000000000), the start of
;          the direct map, so C can read the boot information and allocate
;          early page tables before it builds the full direct map;
;        - the kernel image at 0xffffffff80000000 + physical, in 4 KiB pages,
;          with the page below the boot stack left unmapped (a guard page);
;   3. enables PAE, long mode, NX and paging, loads a 64-bit GDT, and jumps
;      to the higher-half kernel, which calls x86_64_start_kernel(magic, mbi).
;
; Until the jump, all addresses must be physical: V2P() converts a
; higher-half symbol to its load address.

MB2_MAGIC		equ 0xe85250d6
MB2_ARCH_I386		equ 0
MB2_BOOTLOADER_MAGIC	equ 0x36d76289
MB1_MAGIC		equ 0x1badb002
MB1_FLAGS		equ 0x00000003	; page-align modules, want memory info

KERNEL_VMA		equ 0xffffffff80000000
PML4_PAGE_OFFSET_IDX	equ 273		; (0xffff888000000000 >> 39) & 511
KERNEL_PT_PAGES		equ 4		; page tables for the image: 4 x 2 MiB

PTE_PRESENT		equ 1 << 0
PTE_WRITE		equ 1 << 1
PTE_HUGE		equ 1 << 7

CR0_PG			equ 1 << 31
CR0_WP			equ 1 << 16
CR4_PAE			equ 1 << 5
MSR_EFER		equ 0xc0000080
EFER_LME		equ 1 << 8
EFER_NXE		equ 1 << 11

COM1			equ 0x3f8
VGA_TEXT		equ 0xb8000

%define V2P(x) ((x) - KERNEL_VMA)

extern x86_64_start_kernel
extern _kernel_phys_end, __bss_start, __bss_stop
global _start, higher_half_entry
global boot_stack_guard, boot_stack_top
global early_pml4

; ---------------------------------------------------------------------------
; Headers.  The multiboot2 header must lie in the first 32 KiB of the image,
; 8-byte aligned.  A multiboot (version 1) header is there too, only so that
; a loader of the wrong protocol reaches our check and its message.
section .multiboot2
align 8
mb2_header:
	dd MB2_MAGIC
	dd MB2_ARCH_I386
	dd mb2_header_end - mb2_header
	dd -(MB2_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))
	; end tag
	dw 0, 0
	dd 8
mb2_header_end:

align 4
mb1_header:
	dd MB1_MAGIC
	dd MB1_FLAGS
	dd -(MB1_MAGIC + MB1_FLAGS)

; ---------------------------------------------------------------------------
section .boot.text
bits 32
_start:
	cli
	cld
	mov edi, eax			; keep the magic and the info pointer
	mov esi, ebx			; in registers no check below touches

	cmp edi, MB2_BOOTLOADER_MAGIC
	jne .no_multiboot2

	; CPUID exists when the ID bit of EFLAGS can be flipped.
	pushfd
	pop eax
	mov ecx, eax
	xor eax, 1 << 21
	push eax
	popfd
	pushfd
	pop eax
	push ecx
	popfd
	cmp eax, ecx
	je .no_cpuid

	mov eax, 0x80000000		; highest extended function
	cpuid
	cmp eax, 0x80000001
	jb .no_long_mode
	mov eax, 0x80000001
	cpuid
	test edx, 1 << 29		; LM
	jz .no_long_mode
	mov ebp, edx			; bit 20 says whether NX exists

	; Zero .bss (it holds the tables and the stack) before first use.
	mov ebx, edi
	mov edi, V2P(__bss_start)
	mov ecx, V2P(__bss_stop)
	sub ecx, edi
	shr ecx, 2
	xor eax, eax
	rep stosd
	mov edi, ebx

	mov esp, V2P(boot_stack_top)
	call build_early_page_tables

	mov eax, cr4
	or eax, CR4_PAE
	mov cr4, eax

	mov eax, V2P(early_pml4)
	mov cr3, eax

	mov ecx, MSR_EFER
	rdmsr
	or eax, EFER_LME
	test ebp, 1 << 20
	jz .no_nx
	or eax, EFER_NXE
.no_nx:
	wrmsr

	mov eax, cr0
	or eax, CR0_PG | CR0_WP
	mov cr0, eax

	lgdt [gdt64_ptr]
	jmp 0x10:long_mode_entry

.no_multiboot2:
	mov ebx, msg_no_mb2
	jmp early_fail
.no_cpuid:
	mov ebx, msg_no_cpuid
	jmp early_fail
.no_long_mode:
	mov ebx, msg_no_lm
	jmp early_fail

; early_fail - print the NUL-terminated string at EBX on COM1 and on the VGA
; text screen (white on red), then halt for good.  Uses no stack, so it
; works whatever state the loader left us in.
early_fail:
	; COM1: 115200 8N1, FIFO on
	mov dx, COM1 + 1
	xor al, al
	out dx, al			; no interrupts
	mov dx, COM1 + 3
	mov al, 0x80
	out dx, al			; DLAB on
	mov dx, COM1
	mov al, 1
	out dx, al			; divisor 1 = 115200 baud
	mov dx, COM1 + 1
	xor al, al
	out dx, al
	mov dx, COM1 + 3
	mov al, 0x03
	out dx, al			; 8N1, DLAB off
	mov dx, COM1 + 2
	mov al, 0xc7
	out dx, al

	mov edi, VGA_TEXT
	mov esi, ebx
.next_char:
	mov cl, [esi]
	test cl, cl
	jz .halt
	mov dx, COM1 + 5
.wait_tx:
	in al, dx
	test al, 0x20
	jz .wait_tx
	mov dx, COM1
	mov al, cl
	out dx, al
	cmp cl, 10
	je .skip_vga			; newline: VGA gets only the text
	mov byte [edi], cl
	mov byte [edi + 1], 0x4f
	add edi, 2
.skip_vga:
	inc esi
	jmp .next_char
.halt:
	cli
	hlt
	jmp .halt

; build_early_page_tables - fill the tables described at the top of the
; file.  The tables live in .bss, which _start has zeroed.
build_early_page_tables:
	push edi
	; PML4[0] and PML4[273] -> the same PDPT: identity and direct map.
	mov eax, V2P(early_pdpt_low) + PTE_PRESENT + PTE_WRITE
	mov [V2P(early_pml4)], eax
	mov [V2P(early_pml4) + PML4_PAGE_OFFSET_IDX * 8], eax
	mov eax, V2P(early_pd_low) + PTE_PRESENT + PTE_WRITE
	mov [V2P(early_pdpt_low)], eax

	; PD low: 512 x 2 MiB pages = the first 1 GiB.
	mov edi, V2P(early_pd_low)
	mov eax, PTE_PRESENT + PTE_WRITE + PTE_HUGE
	mov ecx, 512
.fill_pd_low:
	mov [edi], eax
	add eax, 0x200000
	add edi, 8
	loop .fill_pd_low

	; PML4[511] -> PDPT high; PDPT high[510] -> PD high (-2 GiB).
	mov eax, V2P(early_pdpt_high) + PTE_PRESENT + PTE_WRITE
	mov [V2P(early_pml4) + 511 * 8], eax
	mov eax, V2P(early_pd_high) + PTE_PRESENT + PTE_WRITE
	mov [V2P(early_pdpt_high) + 510 * 8], eax

	; PD high[i] -> PT i, for the KERNEL_PT_PAGES page tables.
	mov edi, V2P(early_pd_high)
	mov eax, V2P(early_pt_kernel) + PTE_PRESENT + PTE_WRITE
	mov ecx, KERNEL_PT_PAGES
.fill_pd_high:
	mov [edi], eax
	add eax, 4096
	add edi, 8
	loop .fill_pd_high

	; The image, 4 KiB at a time, from physical 0 to _kernel_phys_end,
	; except the stack guard page.
	mov edi, V2P(early_pt_kernel)
	mov eax, PTE_PRESENT + PTE_WRITE
.fill_pt:
	cmp eax, V2P(boot_stack_guard) + PTE_PRESENT + PTE_WRITE
	je .skip_guard
	mov [edi], eax
.skip_guard:
	add eax, 4096
	add edi, 8
	cmp eax, _kernel_phys_end
	jb .fill_pt
	pop edi
	ret

msg_no_mb2:
	db "Boot failed: not loaded by a multiboot2 boot loader (bad magic in EAX).", 10
	db "Boot this kernel with GRUB's 'multiboot2' command.", 10, 0
msg_no_cpuid:
	db "Boot failed: this CPU has no CPUID instruction; an x86_64 CPU is required.", 10, 0
msg_no_lm:
	db "Boot failed: this CPU has no long mode (64-bit); an x86_64 CPU is required.", 10, 0

section .boot.data
align 16
gdt64:
	dq 0				; 0x00 null
	dq 0x00cf9a000000ffff		; 0x08 32-bit kernel code
	dq 0x00af9a000000ffff		; 0x10 64-bit kernel code (__KERNEL_CS)
	dq 0x00cf92000000ffff		; 0x18 kernel data (__KERNEL_DS)
gdt64_end:
gdt64_ptr:
	dw gdt64_end - gdt64 - 1
	dq gdt64

; ---------------------------------------------------------------------------
bits 64
section .boot.text
long_mode_entry:
	mov rax, higher_half_entry
	jmp rax

section .text.entry
higher_half_entry:
	mov ax, 0x18
	mov ds, ax
	mov es, ax
	mov ss, ax
	xor ax, ax
	mov fs, ax
	mov gs, ax

	mov rsp, boot_stack_top
	xor ebp, ebp			; backtraces stop at a zero frame pointer
	; edi = magic and esi = info address are still there: the two args.
	mov edi, edi
	mov esi, esi
	call x86_64_start_kernel
.hang:
	cli
	hlt
	jmp .hang

section .bss.page_aligned nobits alloc write
align 4096
early_tables_start:
early_pml4:		resb 4096
early_pdpt_low:		resb 4096
early_pd_low:		resb 4096
early_pdpt_high:	resb 4096
early_pd_high:		resb 4096
early_pt_kernel:	resb 4096 * KERNEL_PT_PAGES
early_tables_end:

boot_stack_guard:	resb 4096	; left unmapped: an overflow faults
%ifndef BOOT_STACK_SIZE
%define BOOT_STACK_SIZE	16384		; THREAD_SIZE (make KASAN=1: 32768)
%endif
boot_stack:		resb BOOT_STACK_SIZE
boot_stack_top:
