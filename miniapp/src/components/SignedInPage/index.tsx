import type { PropsWithChildren } from 'react'
import AppPage, { type AppPageProps } from '../AppPage'
import SignInGate, { type SignInGateProps } from '../SignInGate'

/**
 * A page for signed-in users only (我的预约, a filing, a ticket …): the page (AppPage) with its
 * content behind the sign-in gate (SignInGate: 请先登录, or 请先完成实名认证 when `verified`).
 */
export default function SignedInPage({ className, title, actions, purpose, verified, children }: PropsWithChildren<AppPageProps & SignInGateProps>) {
  return (
    <AppPage className={className} title={title} actions={actions}>
      <SignInGate purpose={purpose} verified={verified}>
        {children}
      </SignInGate>
    </AppPage>
  )
}
