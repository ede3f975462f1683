import { dutiesOf, dutyLine, forDuties, holds } from '@/utils/duties'
import { staffNav } from '@/components/StaffPage/nav'

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

describe('the desk navigation by duty', () => {
  const labels = (roles: Parameters<typeof staffNav>[1]) => staffNav('/subpackages/staff/pages/index/index', roles).map((e) => e.label)
  it('shows the clerk the window sections and the supervisor 督办, never the other way round', () => {
    expect(labels(['staff', 'window'])).toEqual(expect.arrayContaining(['预约签到', '叫号', '办件']))
    expect(labels(['staff', 'window'])).not.toContain('督办')
    expect(labels(['staff', 'supervisor'])).toContain('督办')
    expect(labels(['staff', 'reviewer'])).not.toContain('预约签到')
    expect(labels(['staff', 'reviewer'])).toContain('办件')
    expect(labels(['admin'])).toEqual(expect.arrayContaining(['督办', '预约签到', '满意度统计']))
  })
})
