; SPDX-License-Identifier: GPL-2.0
;
; arch/x86_64/trampoline.asm - where an AP starts: real mode to long mode.
;
; An application processor (AP) wakes from INIT-SIPI-SIPI in 16-bit real
; mode at CS:IP = (vector << 8):0, i.e. at the physical page the start-up
; IPI names, below 1 MiB.  smpboot.c copies the bytes from
; trampoline_start to trampoline_end to that page and fills in the
; parameters at its end; then this code, position-independent within the
; page:
;
;   1. loads a small GDT (the boot GDT's segments), turns on PAE, loads
;      CR3 with a page table that maps this page at its own address as
;      well as the kernel, sets EFER (long mode, NX as the boot CPU) and
;      then protection and paging at once;
;   2. jumps far into a 64-bit code segment: long mode;
;   3. takes its stack, the kernel's page table and its CPU number from
;      the parameters and jumps to secondary_startup_64 in the kernel
;      image, which switches to the kernel's page table and calls
;      start_secondary(cpu).
;
; Offsets from trampoline_start are used for everything (the copy does
; not run at the address it was linked at).

global trampoline_start, trampoline_end
global tr_gdt_ptr, tr_far, tr_cr3, tr_efer, tr_stack, tr_entry, tr_kernel_cr3, tr_cpu
global secondary_startup_64
extern start_secondary

CR0_PE		equ 1 << 0
CR0_WP		equ 1 << 16
CR0_PG		equ 1 << 31
CR4_PAE		equ 1 << 5
MSR_EFER	equ 0xc0000080

%define OFF(x) ((x) - trampoline_start)

section .rodata
align 16
bits 16
trampoline_start:
	cli
	cld
	mov ax, cs
	mov ds, ax			; the parameters: DS-relative offsets
	o32 lgdt [OFF(tr_gdt_ptr)]
	mov eax, cr4
	or eax, CR4_PAE
	mov cr4, eax
	mov eax, [OFF(tr_cr3)]
	mov cr3, eax
	mov ecx, MSR_EFER
	mov eax, [OFF(tr_efer)]
	xor edx, edx
	wrmsr
	mov eax, cr0
	or eax, CR0_PE | CR0_PG | CR0_WP
	mov cr0, eax
	jmp dword far [OFF(tr_far)]	; to tr_long64, in a 64-bit segment

bits 64
tr_long64:
	mov ax, 0x18
	mov ds, ax
	mov es, ax
	mov ss, ax
	xor eax, eax
	mov fs, ax
	mov gs, ax
	mov rsp, [rel tr_stack]
	mov rdi, [rel tr_kernel_cr3]
	mov esi, [rel tr_cpu]
	mov rax, [rel tr_entry]
	jmp rax

align 8
tr_gdt:
	dq 0				; 0x00 null
	dq 0x00cf9a000000ffff		; 0x08 32-bit code
	dq 0x00af9a000000ffff		; 0x10 64-bit code (__KERNEL_CS)
	dq 0x00cf92000000ffff		; 0x18 data (__KERNEL_DS)
tr_gdt_end:
align 8
tr_gdt_ptr:	dw tr_gdt_end - tr_gdt - 1
		dd OFF(tr_gdt)		; + the page's address, by smpboot.c
align 8
tr_far:		dd OFF(tr_long64)	; + the page's address, by smpboot.c
		dw 0x10
align 8
tr_cr3:		dd 0			; the trampoline page table (< 4 GiB)
tr_efer:	dd 0			; EFER: LME, and NXE as the boot CPU
tr_cpu:		dd 0			; the CPU number
		dd 0
tr_stack:	dq 0			; top of the AP's idle stack
tr_entry:	dq 0			; secondary_startup_64
tr_kernel_cr3:	dq 0			; the kernel's page table
trampoline_end:

section .text
bits 64
; secondary_startup_64(kernel_cr3 in rdi, cpu in esi): leave the
; trampoline's page table, call start_secondary(cpu) on the idle stack.
secondary_startup_64:
	mov cr3, rdi
	xor ebp, ebp			; backtraces stop here
	mov edi, esi
	call start_secondary
.hang:
	cli
	hlt
	jmp .hang
