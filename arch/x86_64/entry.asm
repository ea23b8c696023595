; SPDX-License-Identifier: GPL-2.0
;
; arch/x86_64/entry.asm - interrupt and exception entry, setjmp/longjmp.
;
; Every vector 0..255 gets a tiny stub that makes the stack look the same
; for all of them: the CPU pushes SS, RSP, RFLAGS, CS, RIP and, for some
; exceptions, an error code; the stub pushes a 0 error code where the CPU
; did not, then the vector number, and jumps to common_entry.
; common_entry saves the general registers in struct pt_regs order
; (arch/x86_64/include/asm/ptrace.h), calls do_interrupt(regs) with a
; 16-byte aligned stack, restores the registers (which C may have changed,
; e.g. RIP, to resume elsewhere) and returns with iretq.

extern do_interrupt
global interrupt_stubs
global kernel_setjmp, kernel_longjmp

section .text

%macro STUB 1
align 16
stub_%1:
%if (%1 = 8) || (%1 >= 10 && %1 <= 14) || (%1 = 17) || (%1 = 21) || (%1 = 29) || (%1 = 30)
	; the CPU pushed an error code
%else
	push 0
%endif
	push %1
	jmp common_entry
%endmacro

%assign v 0
%rep 256
STUB v
%assign v v + 1
%endrep

common_entry:
	push rdi
	push rsi
	push rdx
	push rcx
	push rax
	push r8
	push r9
	push r10
	push r11
	push rbx
	push rbp
	push r12
	push r13
	push r14
	push r15
	cld
	mov rdi, rsp			; struct pt_regs *
	mov rbp, rsp			; keep frames walkable
	mov rbx, rsp
	and rsp, -16
	call do_interrupt
	mov rsp, rbx
	pop r15
	pop r14
	pop r13
	pop r12
	pop rbp
	pop rbx
	pop r11
	pop r10
	pop r9
	pop r8
	pop rax
	pop rcx
	pop rdx
	pop rsi
	pop rdi
	add rsp, 16			; vector and error code
	iretq

section .rodata
align 8
; interrupt_stubs[v] = address of the stub for vector v (for the IDT).
interrupt_stubs:
%assign v 0
%rep 256
	dq stub_ %+ v
%assign v v + 1
%endrep

section .text
; int kernel_setjmp(struct jmp_buf *buf): save the callee-saved registers,
; the stack pointer and the return address; returns 0.
kernel_setjmp:
	mov [rdi + 0], rbx
	mov [rdi + 8], rbp
	mov [rdi + 16], r12
	mov [rdi + 24], r13
	mov [rdi + 32], r14
	mov [rdi + 40], r15
	lea rdx, [rsp + 8]		; the caller's rsp after we return
	mov [rdi + 48], rdx
	mov rdx, [rsp]			; return address
	mov [rdi + 56], rdx
	xor eax, eax
	ret

; void kernel_longjmp(struct jmp_buf *buf, int val): return from the
; kernel_setjmp that filled buf once more, now with val (never 0).
kernel_longjmp:
	mov eax, esi
	test eax, eax
	jnz .nonzero
	inc eax
.nonzero:
	mov rbx, [rdi + 0]
	mov rbp, [rdi + 8]
	mov r12, [rdi + 16]
	mov r13, [rdi + 24]
	mov r14, [rdi + 32]
	mov r15, [rdi + 40]
	mov rsp, [rdi + 48]
	jmp [rdi + 56]
