// The console starts: its settings from the gateway, the signed-in person (if any), the router.
import 'element-plus/dist/index.css'
import './styles/theme.css'

import { createApp } from 'vue'

import App from './App.vue'
import { initAuth } from './auth'
import { loadConfig } from './config'
import { namePickerPanels } from './lib/pickerNames'
import { createConsoleRouter } from './router'

async function start(): Promise<void> {
  const config = await loadConfig()
  await initAuth(config)
  namePickerPanels()
  createApp(App).use(createConsoleRouter()).mount('#app')
}

start().catch(() => {
  const app = document.getElementById('app')
  if (app) {
    app.innerHTML =
      '<main style="max-width:40em;margin:4em auto;font-family:sans-serif;line-height:1.7">' +
      '<h1>控制台暂时无法打开</h1><p>无法读取控制台的设置或连接登录服务。请稍后刷新页面；' +
      '如仍无法打开，请联系系统管理员。</p></main>'
  }
})
