import { dutiesOf, dutyLine, forDuties, holds } from '@/subpackages/staff/duties'

describe('desk duties (受审分离)', () => {
  const steps = [
    { action: 'accept', duty: 'window' as const },
    { action: 'approved', duty: 'reviewer' as const },
    { action: 'help' },
  ]
  it('shows a window clerk the window actions only, and a reviewer the decisions only', () => {
    expect(forDuties(steps, ['staff', 'window']).map((s) => s.action)).toEqual(['accept', 'help'])
    expect(forDuties(steps, ['staff', 'reviewer']).map((s) => s.action)).toEqual(['approved', 'help'])
    expect(forDuties(steps, ['staff', 'supervisor']).map((s) => s.action)).toEqual(['help'])
  })
  it('lets an admin act in every duty', () => {
    expect(dutiesOf(['admin'])).toEqual(['window', 'reviewer', 'supervisor'])
    expect(holds(['admin'], 'supervisor')).toBe(true)
    expect(holds(['staff', 'window'], 'supervisor')).toBe(false)
  })
  it('names the duties in Chinese', () => {
    expect(dutyLine(['staff', 'window', 'supervisor'])).toBe('窗口受理 · 督办')
    expect(dutyLine(['admin'])).toBe('管理员')
    expect(dutyLine(['staff'])).toBe('工作人员')
  })
})
